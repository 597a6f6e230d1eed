import type { MoodEvent, MoodLabel, SuggestedAction } from '../mood/types.js';

export type { MoodEvent, MoodLabel, SuggestedAction };

/** 002 Quick Reply Object. */
export interface QuickReplyObject {
  label: string;
  type: 'message' | 'link';
  message?: string | null;
  url?: string | null;
  'image-url'?: string | null;
}

/** 002 Button Object. */
export interface ButtonObject {
  'button-type': 'link' | 'message';
  label: string;
  link?: string | null;
  message?: string | null;
}

/** 002 Card Object. */
export interface CardObject {
  title: string;
  'sub-title'?: string;
  'image-url'?: string;
  buttons?: ButtonObject[];
}

/** 002 Template Object. */
export interface TemplateObject {
  'channel-name'?: string;
  'template-type': 'text' | 'card' | 'quick_reply' | 'image' | 'code' | 'free' | null;
  template?: string | null;
  'image-url'?: string;
  'upload-type'?: string;
  'quick-replies'?: QuickReplyObject[];
  'card-list'?: CardObject[];
}

/** One event of the `POST /chat` stream (001, plus the template extension of this package's mock). */
export type ChatEvent =
  | { type: 'status'; status: string; level: string }
  | { type: 'text'; content: string }
  | { type: 'faq'; results: { id: string; title: string }[] }
  | { type: 'template'; template: TemplateObject }
  | { type: 'error'; message: string };

export interface ChatRequest {
  query: string;
  sessionId?: string;
  userId?: string | null;
  organizationId?: string;
}

export interface ChatConfig {
  clientId: string;
  name: string;
}

export interface ChatSession {
  sessionId: string;
  userId: string | null;
  organizationId: string | null;
  [field: string]: unknown;
}

/** 003 responses. */
export interface PostEventsResponse {
  session_id: string;
  events_stored: number;
  total_events: number;
  current_mood: MoodLabel;
}

export interface GetMoodResponse {
  session_id: string;
  mood: MoodLabel;
  confidence: number;
  signals: string[];
  suggested_action: SuggestedAction;
  event_count: number;
  updated_at: string;
}

export interface PostFeedbackRequest {
  action_taken: string;
  was_helpful?: boolean;
  notes?: string;
}

export interface PostFeedbackResponse {
  session_id: string;
  feedback_recorded: boolean;
}

export interface GetAnalyticsResponse {
  total_sessions: number;
  feedback_count: number;
  mood_distribution: { mood: MoodLabel; count: number; percentage: number }[];
}

export interface DeleteSessionResponse {
  session_id: string;
  deleted: boolean;
  message: string;
}

export interface HealthResponse {
  status: 'ok' | 'degraded' | 'down';
  version: string;
}

export interface GenerateKeyRequest {
  customer_name: string;
  email?: string;
  plan?: 'starter' | 'growth' | 'pro';
}

export interface GenerateKeyResponse {
  api_key: string;
  customer: string;
  email: string | null;
  plan: 'starter' | 'growth' | 'pro';
  limits: string;
  message: string;
}

/** 002 response of the gateway. */
export interface GatewayResponse {
  description: string;
  /** 200, 202 (new conversation), 204 (not classified), 210 (empty input), 220 (terminated). */
  code: number;
  data: {
    'channel-result': { 'channel-message': TemplateObject; 'channel-instruction'?: TemplateObject }[] | null;
    result: string[];
    'execution-time': number;
    timestamp: number;
    'query-id': string;
    conversation_id: string;
  } | null;
}
