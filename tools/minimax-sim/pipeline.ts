import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize } from './auth';
import { businessError } from './envelope';
import { firstValue, parseJson, parseQuery, writeResponse, type SimResponse } from './http-util';
import { CLOUDFLARE_BLOCK, cloudflareGate, isCookieSend, sessionGate } from './protocol-gate';
import { ROUTES, type Route } from './routes';
import { checkSignature, signatureRejection } from './signature';
import type { RouteContext, SimState } from './state';
import type { FaultInput } from './types';

export interface ApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  /** Request target exactly as received: signatures are computed over it. */
  target: string;
  path: string;
  rawBody: Buffer;
  headers: Record<string, string>;
}

const DEFAULT_SLOW_MS = 20_000;

/** Order: record → route → Cloudflare → signature → auth → realUserID → session cookie → observe → fault → handler. */
export function handleApiRequest(state: SimState, r: ApiRequest): void {
  const queryStart = r.target.indexOf('?');
  const rawQuery = queryStart < 0 ? '' : r.target.slice(queryStart + 1);
  const query = parseQuery(rawQuery);
  const rawBody = r.rawBody.toString('utf8');
  const body = parseJson(rawBody);
  const check = checkSignature(
    {
      target: r.target, rawBody, unix: firstValue(query, 'unix'), yy: r.headers.yy,
      xSignature: r.headers['x-signature'], xTimestamp: r.headers['x-timestamp'], token: r.headers.token,
    },
    state.now(),
  );
  const record = state.recorder.add({
    time: state.now(), method: r.req.method ?? 'GET', path: r.path, rawQuery, query, headers: r.headers, rawBody, body,
    realUserId: null, signature: { yyValid: check.yyValid, xSignature: check.xSignature }, status: 0,
  });
  const respond = (response: SimResponse): void => {
    record.status = response.status;
    writeResponse(r.res, response);
  };

  const route = ROUTES[r.path];
  if (!route) return respond({ status: 404, body: { error: 'not found', path: r.path } });
  if (route.method !== r.req.method) return respond({ status: 405, body: { error: 'method not allowed' } });

  const blocked = cloudflareGate(state, r.headers);
  if (blocked) return respond(blocked);
  const auth = authorize(state, route, r.headers, query);
  record.realUserId = auth.account?.realUserId ?? null;
  // The cookie-authenticated send_msg carries no signatures (§10.2).
  const unsigned = route.unsigned === true || isCookieSend(state, route);
  const rejection = unsigned ? null : signatureRejection(check, state.options.signatureMode);
  if (rejection) return respond({ status: 403, body: { error: 'signature', message: rejection } });
  if (!auth.ok) return respond(auth.response);
  const noSession = sessionGate(state, route, r.headers, auth.account.realUserId);
  if (noSession) return respond(noSession);

  const ctx: RouteContext = { state, account: auth.account, query, body, rawBody: r.rawBody, record };
  route.observe?.(ctx);
  const fault = state.faults.take(route.endpoint, auth.account.realUserId);
  if (fault) return applyFault(state, route, ctx, fault, r, respond);
  respond(route.handle(ctx));
}

function applyFault(
  state: SimState,
  route: Route,
  ctx: RouteContext,
  fault: FaultInput,
  r: ApiRequest,
  respond: (response: SimResponse) => void,
): void {
  switch (fault.kind) {
    case 'http500':
      return respond({ status: 500, body: { error: 'Internal Server Error' } });
    case 'http503':
      return respond({ status: 503, body: { error: 'Service Unavailable' } });
    case 'nonJson':
      return respond({ status: 200, body: 'upstream connect error or disconnect/reset before headers', contentType: 'text/plain' });
    case 'html403':
      return respond(CLOUDFLARE_BLOCK);
    case 'baseResp':
      return respond(businessError(route.family, fault.code ?? -1, fault.message ?? 'server busy'));
    case 'slow': {
      const response = route.handle(ctx);
      const cancel = state.scheduler.after(fault.delayMs ?? DEFAULT_SLOW_MS, () => respond(response));
      r.res.once('close', cancel);
      return;
    }
    case 'drop':
      ctx.record.status = 0;
      r.req.socket.destroy();
      return;
  }
}

