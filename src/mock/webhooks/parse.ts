import { isRecord } from '../http.js';
import type { WebhookFilters, WebhookSubscriptionInput, WebhookUpdate } from './dispatcher.js';
import { WEBHOOK_EVENT_TYPES, isWebhookEventType } from '../../webhooks/events.js';

export type ParseError = { error: string; field: string; valid_types?: readonly string[] };

const MAX_TEXT = 512;
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 1000 && value.every((item) => typeof item === 'string' && item.length <= 256);

/**
 * Reads a subscription body: 000's `webhooks.create` shape (`url`, `secret`, `description`, `events`,
 * `isActive`, `filters`) or its `events.subscribe` shape (`eventTypes`, `destination: { url, secret }`).
 * `partial` is for updates: only the fields given are checked and returned.
 */
export function parseSubscription(value: unknown, partial: true): { update: WebhookUpdate } | ParseError;
export function parseSubscription(value: unknown, partial: false): { input: WebhookSubscriptionInput } | ParseError;
export function parseSubscription(
  value: unknown,
  partial: boolean,
): { input: WebhookSubscriptionInput } | { update: WebhookUpdate } | ParseError {
  if (!isRecord(value)) return { error: 'Invalid body', field: 'body' };
  const destination = isRecord(value.destination) ? value.destination : {};
  const url = value.url ?? destination.url;
  const secret = value.secret ?? destination.secret;
  const events = value.events ?? value.eventTypes;
  const result: WebhookUpdate = {};

  if (url !== undefined || !partial) {
    if (typeof url !== 'string' || url.length > 2048 || !/^https?:\/\/\S+$/i.test(url))
      return { error: 'Missing required field', field: 'url' };
    result.url = url;
  }
  if (secret !== undefined || !partial) {
    if (typeof secret !== 'string' || !secret || secret.length > MAX_TEXT)
      return { error: 'Missing required field', field: 'secret' };
    result.secret = secret;
  }
  if (events !== undefined) {
    if (!Array.isArray(events) || !events.length || !events.every(isWebhookEventType))
      return { error: 'Invalid event type(s)', field: 'events', valid_types: WEBHOOK_EVENT_TYPES };
    result.events = [...new Set(events)];
  }
  if (value.description !== undefined) {
    if (typeof value.description !== 'string' || value.description.length > MAX_TEXT)
      return { error: 'Invalid field', field: 'description' };
    result.description = value.description;
  }
  if (value.isActive !== undefined) {
    if (typeof value.isActive !== 'boolean') return { error: 'Invalid field', field: 'isActive' };
    result.isActive = value.isActive;
  }
  if (value.filters !== undefined) {
    if (!isRecord(value.filters)) return { error: 'Invalid field', field: 'filters' };
    const filters: WebhookFilters = {};
    for (const name of ['users', 'environments'] as const) {
      const list = value.filters[name];
      if (list === undefined) continue;
      if (!isStringList(list)) return { error: 'Invalid field', field: `filters.${name}` };
      filters[name] = list;
    }
    result.filters = filters;
  }
  if (partial) return { update: result };
  return { input: { ...result, url: result.url ?? '', secret: result.secret ?? '' } };
}
