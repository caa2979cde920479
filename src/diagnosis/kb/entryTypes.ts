import type { Actor, Category, Direction, Producer, Reference, Route } from '../types';

/**
 * One way to recognise an entry beyond its status code. All fields that are given must hold
 * (AND); inside a field any value may match (OR).
 */
export interface Signal {
  /** Case-insensitive substrings of the diagnostic text. */
  text?: readonly string[];
  /** Outlook.com tags such as "S3140" or "SC-004" (compared case-insensitively). */
  sTags?: readonly string[];
  producers?: readonly Producer[];
  /** Suffixes of the rejecting or reporting host, e.g. ".hotmail.com". */
  hosts?: readonly string[];
}

export interface Matcher {
  /** Exact enhanced status codes, e.g. "5.7.1". */
  codes?: readonly string[];
  /** Inclusive ranges on the detail number, e.g. "5.7.606-649". */
  ranges?: readonly string[];
  /**
   * The entry applies only when at least one alternative holds. An entry with neither codes nor
   * ranges matches on its signals alone (S-tags, legacy Hotmail texts without a status code).
   */
  when?: readonly Signal[];
  /** Texts that identify the entry when the bounce quotes no status code at all. */
  statuslessText?: readonly string[];
}

/** Extra placeholders (beyond the common ones) an entry's texts may use. */
export type ExtraPlaceholder = 'listName' | 'delistAddress';

export interface KbEntry {
  /** Locale key: lowercase letters, digits and hyphens only. */
  id: string;
  match: Matcher;
  category: Category;
  direction: Direction;
  actor: Actor;
  route: Route;
  /** 'by-class' for entries that cover both 4.x.x and 5.x.x forms of one condition. */
  temporary: boolean | 'by-class';
  /** Links and addresses from the knowledge base; NDR-named ones are put before these. */
  references: readonly Reference[];
  extraPlaceholders?: readonly ExtraPlaceholder[];
}
