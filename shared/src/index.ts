export * from './domain.ts';
export * from './api.ts';
export * from './client.ts';
export * from './rules/roles.ts';
export * from './rules/access.ts';
export * from './rules/activity.ts';
export * from './rules/clips.ts';
export * from './rules/conversations.ts';
