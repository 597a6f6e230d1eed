import { DERIVED_SIGNALS, EVENT_TYPES, type EventType, type MoodEvent } from '../../mood/types.js';
import { isRecord } from '../http.js';

export const MAX_SESSION_ID = 256;
export const MAX_ERROR_MESSAGE = 512;
export const MAX_ACTION = 128;
export const MAX_NOTES = 512;

/** A 400 body in 003's error shape. */
export type ApiError = { error: string; [extra: string]: unknown };

const NUMBER_FIELDS = ['ts', 'x', 'y', 'duration_ms', 'speed'] as const;

/**
 * `ts` is Unix time in seconds (003). Anything above this (the year 5138 in seconds, 1973 in milliseconds) is
 * a time in milliseconds: accepted, it would put every later event of the session 1,000 times too far back.
 */
export const MAX_TS_SECONDS = 1e11;

/** Checks a `POST /events` body; returns the events to store (known fields only) or a 400 body. */
export function validateEvents(body: unknown): { events: MoodEvent[] } | { error: ApiError } {
  const list = isRecord(body) ? body.events : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    return {
      error: {
        error: 'Missing or empty events array',
        field: 'events',
        message: 'Send at least one event in "events".',
      },
    };
  }
  const invalid = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const event: unknown = list[i];
    if (!isRecord(event))
      return { error: { error: 'Invalid event', field: `events[${i}]`, message: 'Each event must be an object.' } };
    if (event.type === undefined || event.type === null)
      return { error: { error: 'Missing required field', field: `events[${i}].type` } };
    if (typeof event.type !== 'string')
      return { error: { error: 'Invalid field type', field: `events[${i}].type`, message: 'Expected a string.' } };
    if (!EVENT_TYPES.includes(event.type as EventType)) invalid.add(event.type);
  }
  if (invalid.size)
    return { error: { error: 'Invalid event type(s)', invalid: [...invalid], valid_types: [...EVENT_TYPES] } };

  const events: MoodEvent[] = [];
  for (let i = 0; i < list.length; i++) {
    const raw = list[i] as Record<string, unknown>;
    const event: MoodEvent = { type: raw.type as EventType };
    const wrong = (field: string, expected: string): { error: ApiError } => ({
      error: { error: 'Invalid field type', field: `events[${i}].${field}`, message: `Expected ${expected}.` },
    });
    for (const name of NUMBER_FIELDS) {
      const value = raw[name];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong(name, 'a finite number');
      if (name === 'ts' && value > MAX_TS_SECONDS) {
        const seconds = Math.floor(value / 1000);
        return {
          error: {
            error: 'Invalid timestamp',
            field: `events[${i}].ts`,
            message: `ts is Unix time in seconds; ${value} looks like milliseconds (${seconds} in seconds).`,
          },
        };
      }
      event[name] = value;
    }
    if (raw.direction !== undefined && raw.direction !== null) {
      if (raw.direction !== 'up' && raw.direction !== 'down') return wrong('direction', '"up" or "down"');
      event.direction = raw.direction;
    }
    if (raw.url !== undefined && raw.url !== null) {
      if (typeof raw.url !== 'string') return wrong('url', 'a string');
      event.url = raw.url;
    }
    if (raw.message !== undefined && raw.message !== null) {
      if (typeof raw.message !== 'string') return wrong('message', 'a string');
      if (raw.message.length > MAX_ERROR_MESSAGE) {
        return { error: { error: 'Field too long', field: `events[${i}].message`, max_length: MAX_ERROR_MESSAGE } };
      }
      event.message = raw.message;
    }
    // The derived-signal extension (README): kept on its carrier type; like any other extra field, ignored elsewhere.
    const signal = raw.signal;
    if (typeof signal === 'string' && Object.hasOwn(DERIVED_SIGNALS, signal)) {
      const derived = signal as keyof typeof DERIVED_SIGNALS;
      if (DERIVED_SIGNALS[derived] === event.type) event.signal = derived;
    }
    events.push(event);
  }
  return { events };
}

export interface FeedbackInput {
  action_taken: string;
  was_helpful?: boolean;
  notes?: string;
}

/** Checks a `POST /feedback` body. */
export function validateFeedback(body: unknown): { feedback: FeedbackInput } | { error: ApiError } {
  const input = isRecord(body) ? body : {};
  const action = input.action_taken;
  if (action === undefined || action === null || action === '')
    return { error: { error: 'Missing required field', field: 'action_taken' } };
  if (typeof action !== 'string')
    return { error: { error: 'Invalid field type', field: 'action_taken', message: 'Expected a string.' } };
  if (!action.trim()) return { error: { error: 'Missing required field', field: 'action_taken' } };
  if (action.length > MAX_ACTION)
    return { error: { error: 'Field too long', field: 'action_taken', max_length: MAX_ACTION } };
  const feedback: FeedbackInput = { action_taken: action };
  if (input.was_helpful !== undefined && input.was_helpful !== null) {
    if (typeof input.was_helpful !== 'boolean')
      return { error: { error: 'Invalid field type', field: 'was_helpful', message: 'Expected a boolean.' } };
    feedback.was_helpful = input.was_helpful;
  }
  if (input.notes !== undefined && input.notes !== null) {
    if (typeof input.notes !== 'string')
      return { error: { error: 'Invalid field type', field: 'notes', message: 'Expected a string.' } };
    if (input.notes.length > MAX_NOTES)
      return { error: { error: 'Field too long', field: 'notes', max_length: MAX_NOTES } };
    feedback.notes = input.notes;
  }
  return { feedback };
}
