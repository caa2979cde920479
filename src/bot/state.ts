import type { ConversationState, StatePropertyAccessor, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { SupportedLocale } from '../config';
import type { Reference, Route } from '../diagnosis/types';

/** The latest diagnosis of this conversation: what later steps (recipient message, delisting, a person) start from. */
export interface CaseSummary {
  diagnosedAt: string;
  recipient?: string;
  /** "550 5.7.606" */
  code?: string;
  diagnostic: string;
  senderIp?: string;
  entryId: string;
  route: Route;
  /** Links and addresses of the diagnosis, the ones the bounce itself named first. */
  references: Reference[];
}

/** Per conversation, last writer wins (BotState writes with eTag '*'): nothing here may be irreplaceable. */
export interface ConversationData {
  welcomed?: boolean;
  /** Consecutive messages we could not understand; a person is offered at two. */
  misunderstandings?: number;
  lastCase?: CaseSummary;
}

/** Per user, across conversations. */
export interface UserProfile {
  /** Chosen explicitly by the user; wins over the channel's locale. */
  locale?: SupportedLocale;
}

export interface BotStateSet {
  conversationState: ConversationState;
  userState: UserState;
  dialogState: StatePropertyAccessor<DialogState>;
  conversationData: StatePropertyAccessor<ConversationData>;
  userProfile: StatePropertyAccessor<UserProfile>;
}

const DIALOG_STATE = 'dialogState';
const CONVERSATION_DATA = 'conversationData';
const USER_PROFILE = 'userProfile';

export function createStateSet(conversationState: ConversationState, userState: UserState): BotStateSet {
  return {
    conversationState,
    userState,
    dialogState: conversationState.createProperty<DialogState>(DIALOG_STATE),
    conversationData: conversationState.createProperty<ConversationData>(CONVERSATION_DATA),
    userProfile: userState.createProperty<UserProfile>(USER_PROFILE),
  };
}
