/**
 * Which error envelope an endpoint answers in, and a check that a body really is one. Every
 * rejection a client can meet must be in its own dialect's shape, or SDKs show "unknown error".
 */
export type Surface = 'openai' | 'anthropic' | 'gemini' | 'management';

export function surfaceOf(path: string): Surface {
  if (path.startsWith('/api/') || path === '/api') return 'management';
  if (path.startsWith('/v1/messages')) return 'anthropic';
  if (path.startsWith('/v1beta/')) return 'gemini';
  return 'openai';
}

const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Null when the body is the surface's error envelope; otherwise what is wrong with it. */
export function checkErrorShape(surface: Surface, body: unknown): string | null {
  if (!isObject(body)) return 'not a JSON object';
  const error = body.error;
  if (!isObject(error)) return 'no error object';
  switch (surface) {
    case 'openai':
      return isString(error.message) && isString(error.type) && (isString(error.code) || error.code === null) ? null : 'not {error:{message,type,code}}';
    case 'anthropic':
      return body.type === 'error' && isString(error.type) && isString(error.message) ? null : 'not {type:"error",error:{type,message}}';
    case 'gemini':
      return Number.isInteger(error.code) && isString(error.message) && isString(error.status) ? null : 'not {error:{code,message,status}}';
    case 'management':
      return body.ok === false && isString(error.code) && isString(error.message) ? null : 'not {ok:false,error:{code,message}}';
  }
}
