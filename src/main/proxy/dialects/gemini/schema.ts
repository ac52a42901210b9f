/** zod schema of a Gemini GenerateContent request: the fields the relay reads, checked for type. */
import { z } from 'zod';
import { lazy } from '../../../../shared/lazy';

const part = lazy(() => z.looseObject({
  text: z.string().optional(),
  thought: z.boolean().optional(),
  thoughtSignature: z.string().optional(),
  inlineData: z.looseObject({ mimeType: z.string(), data: z.string() }).optional(),
  fileData: z.looseObject({ mimeType: z.string().optional(), fileUri: z.string() }).optional(),
  // The proto's own field names, which Google's JSON parser accepts as well.
  inline_data: z.looseObject({ mime_type: z.string(), data: z.string() }).optional(),
  file_data: z.looseObject({ mime_type: z.string().optional(), file_uri: z.string() }).optional(),
  functionCall: z.looseObject({ id: z.string().optional(), name: z.string().min(1), args: z.record(z.string(), z.unknown()).optional() }).optional(),
  functionResponse: z.looseObject({ id: z.string().optional(), name: z.string().min(1), response: z.record(z.string(), z.unknown()).optional() }).optional(),
}));
export type GeminiPart = z.infer<typeof part>;

const content = lazy(() => z.looseObject({
  // Old clients send function responses with role `function`; both mean "from the caller's side".
  role: z.enum(['user', 'model', 'function', 'tool']).optional(),
  parts: z.array(part),
}));
export type GeminiContent = z.infer<typeof content>;

const functionDeclaration = lazy(() => z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  parametersJsonSchema: z.record(z.string(), z.unknown()).optional(),
}));

const tool = lazy(() => z.looseObject({
  functionDeclarations: z.array(functionDeclaration).optional(),
  googleSearch: z.record(z.string(), z.unknown()).optional(),
  googleSearchRetrieval: z.record(z.string(), z.unknown()).optional(),
}));

const generationConfig = lazy(() => z.looseObject({
  maxOutputTokens: z.number().int().positive().optional(),
  stopSequences: z.array(z.string()).optional(),
  temperature: z.number().optional(),
  topP: z.number().optional(),
  topK: z.number().optional(),
  candidateCount: z.number().int().optional(),
  thinkingConfig: z
    .looseObject({ thinkingBudget: z.number().int().optional(), includeThoughts: z.boolean().optional(), thinkingLevel: z.string().optional() })
    .optional(),
}));

const requestFields = lazy(() => ({
  contents: z.array(content),
  systemInstruction: z.union([z.string(), content.extend({ role: z.string().optional() })]).optional(),
  tools: z.array(tool).optional(),
  toolConfig: z
    .looseObject({
      functionCallingConfig: z
        .looseObject({ mode: z.enum(['AUTO', 'ANY', 'NONE', 'VALIDATED', 'MODE_UNSPECIFIED']).optional(), allowedFunctionNames: z.array(z.string()).optional() })
        .optional(),
    })
    .optional(),
  generationConfig: generationConfig.optional(),
  safetySettings: z.array(z.unknown()).optional(),
  cachedContent: z.string().optional(),
}));

export const generateContentRequestSchema = lazy(() => z.looseObject(requestFields));
export type GenerateContentRequest = z.infer<typeof generateContentRequestSchema>;

/** countTokens takes `contents` alone or a whole `generateContentRequest`. */
export const countTokensRequestSchema = lazy(() => z.looseObject({
  contents: z.array(content).optional(),
  generateContentRequest: z.looseObject({ ...requestFields, model: z.string().optional() }).optional(),
}));
