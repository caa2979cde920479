export * from './reminder';
export { CREATE_ONLY_ETAG, isETagConflict, type KeyValueStorage } from './keyValueStorage';
export { REMINDER_INDEX_KEY } from './reminderIndex';
export * from './reminderStore';
export * from './scheduler';
