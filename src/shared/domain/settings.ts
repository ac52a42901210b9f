import { z } from 'zod';

export const SIGNATURE_VARIANTS = ['secret', 'token'] as const;
export type SignatureVariant = (typeof SIGNATURE_VARIANTS)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A client API key as stored: only a hash and a recognisable prefix; the key itself is shown once. */
export const apiKeyRecordSchema = z.object({
  id: z.string().min(1),
  name: z.string().max(100),
  prefix: z.string(),
  hash: z.string(),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
});
export type ApiKeyRecord = z.infer<typeof apiKeyRecordSchema>;

export const serverSettingsSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65535).default(8000),
  /** Origins allowed by CORS; empty = CORS off. */
  corsOrigins: z.array(z.string()).default([]),
  bodyLimitMb: z.number().min(1).max(100).default(20),
  autoStart: z.boolean().default(true),
});

export const upstreamSettingsSchema = z.object({
  region: z.enum(['cn', 'intl']).default('cn'),
  /** Overrides of the region base URLs (the simulator in tests and the demo). */
  cnBaseUrl: z.string().url().default('https://agent.minimaxi.com'),
  intlBaseUrl: z.string().url().default('https://agent.minimax.io'),
  signatureVariant: z.enum(SIGNATURE_VARIANTS).default('secret'),
  /** Delete the upstream chats the relay created. */
  cleanupChats: z.boolean().default(true),
  /** Overall deadline of one reply. */
  replyTimeoutMs: z.number().int().min(5_000).max(1_800_000).default(300_000),
});

export const poolSettingsSchema = z.object({
  queueLength: z.number().int().min(0).max(10_000).default(200),
  queueWaitMs: z.number().int().min(0).max(600_000).default(120_000),
  /** Back-off after a transient upstream error. */
  cooldownMs: z.number().int().min(0).max(3_600_000).default(30_000),
});

export const modelSettingsSchema = z.object({
  /** Unknown names fail with 404 model_not_found instead of using the default model. */
  strict: z.boolean().default(false),
  defaultModel: z.string().default('MiniMax-M2.7'),
});

export const logSettingsSchema = z.object({
  logBodies: z.boolean().default(false),
  retentionDays: z.number().int().min(1).max(365).default(14),
  maxFileMb: z.number().min(1).max(1024).default(50),
});

export const uiSettingsSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  language: z.enum(LANGUAGES).default('en'),
});

export const desktopSettingsSchema = z.object({
  closeToTray: z.boolean().default(true),
});

/** Images and files clients send (README "Images and files"). */
export const attachmentSettingsSchema = z.object({
  /** Images and files sent with one message. */
  maxCount: z.number().int().min(1).max(50).default(10),
  /** One image or file, after decoding. */
  maxFileMb: z.number().min(0.1).max(100).default(20),
  /** All attachments of one request together. */
  maxTotalMb: z.number().min(0.1).max(500).default(50),
  /** Remote image URLs: give up after this long. */
  fetchTimeoutMs: z.number().int().min(1_000).max(120_000).default(15_000),
  /**
   * Remote image URLs may point at loopback, private, link-local and cloud-metadata addresses.
   * Off by default: a client could otherwise make the relay read the LAN (SSRF).
   */
  allowPrivateAddresses: z.boolean().default(false),
});

/**
 * Which accounts serve a request when both kinds exist: web accounts first with the API key as a
 * paid fallback, API keys only, or web accounts only. Global here; an alias may override it.
 */
export const ROUTING_POLICIES = ['web-first', 'api-key-only', 'web-only'] as const;
export type RoutingPolicy = (typeof ROUTING_POLICIES)[number];

export const routingSettingsSchema = z.object({
  policy: z.enum(ROUTING_POLICIES).default('web-first'),
});

/** The official MiniMax Open Platform (API-key accounts). */
export const openPlatformSettingsSchema = z.object({
  /** Overrides of the region base URLs (the simulator in tests and the demo). */
  cnBaseUrl: z.string().url().default('https://api.minimaxi.com'),
  intlBaseUrl: z.string().url().default('https://api.minimax.io'),
  /** The platform's speech model used for OpenAI's `tts-1`/`gpt-4o-mini-tts` names. */
  speechModel: z.string().min(1).max(100).default('speech-2.8-turbo'),
});

export const settingsSchema = z.object({
  server: serverSettingsSchema.prefault({}),
  upstream: upstreamSettingsSchema.prefault({}),
  pool: poolSettingsSchema.prefault({}),
  models: modelSettingsSchema.prefault({}),
  logs: logSettingsSchema.prefault({}),
  ui: uiSettingsSchema.prefault({}),
  desktop: desktopSettingsSchema.prefault({}),
  attachments: attachmentSettingsSchema.prefault({}),
  apiKeys: z.array(apiKeyRecordSchema).default([]),
  routing: routingSettingsSchema.prefault({}),
  openPlatform: openPlatformSettingsSchema.prefault({}),
});
export type Settings = z.infer<typeof settingsSchema>;

/** A partial update: each section may be partly given. */
export type SettingsPatch = { [K in keyof Settings]?: Settings[K] extends unknown[] ? never : Partial<Settings[K]> };

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
