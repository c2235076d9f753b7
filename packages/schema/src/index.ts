// The one contract between widget, worker and dashboard. The widget imports types only.
export * from './constants';
export * from './dimensions';
export * from './journey';
export * from './journey-types';
export * from './config';
export * from './events';
export * from './api';
export * from './analytics';
export * from './responses';
export * from './export';
export * from './members';
export * from './tokens';
export * from './password-reset';
export * from './segments';
export * from './alerts';
export * from './actions';
export * from './shares';
