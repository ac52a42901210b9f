import { handleDeviceRegister, handleMembership, handleUserCredit, handleUserInfo } from './routes-account';
import { handleDeleteChat, handleGetChatDetail, handleListChat, handleSendMsg, handleStopRunAgent, observePoll } from './routes-chat';
import { handlePolicyCallback, handleRequestPolicy } from './uploads';
import type { Family } from './envelope';
import type { SimResponse } from './http-util';
import type { RouteContext } from './state';
import type { FaultEndpoint } from './types';

export interface Route {
  method: 'GET' | 'POST';
  family: Family;
  /** Which injected faults apply; null = only faults on 'any'. */
  endpoint: FaultEndpoint | null;
  handle(ctx: RouteContext): SimResponse;
  /** Runs before faults are applied (poll counting). */
  observe?(ctx: RouteContext): void;
  /** device/register sends a fresh random `uuid` instead of the realUserID (§3.1). */
  randomUuid?: boolean;
  /** Its clients never sign it (§3.8), so signature modes do not reject it. */
  unsigned?: boolean;
}

export const ROUTES: Readonly<Record<string, Route>> = {
  '/v1/api/user/device/register': { method: 'POST', family: 'v1', endpoint: 'device_register', handle: handleDeviceRegister, randomUuid: true },
  '/v1/api/user/info': { method: 'GET', family: 'v1', endpoint: 'user_info', handle: handleUserInfo },
  '/v1/api/user/credit': { method: 'GET', family: 'v1', endpoint: 'membership', handle: handleUserCredit, unsigned: true },
  '/v1/api/files/request_policy': { method: 'GET', family: 'v1', endpoint: 'request_policy', handle: handleRequestPolicy },
  '/v1/api/files/policy_callback': { method: 'POST', family: 'v1', endpoint: 'policy_callback', handle: handlePolicyCallback },
  '/matrix/api/v1/chat/send_msg': { method: 'POST', family: 'matrix', endpoint: 'send_msg', handle: handleSendMsg },
  '/matrix/api/v1/chat/get_chat_detail': { method: 'POST', family: 'matrix', endpoint: 'get_chat_detail', handle: handleGetChatDetail, observe: observePoll },
  '/matrix/api/v1/chat/list_chat': { method: 'POST', family: 'matrix', endpoint: 'list_chat', handle: handleListChat },
  '/matrix/api/v1/chat/delete_chat': { method: 'POST', family: 'matrix', endpoint: 'delete_chat', handle: handleDeleteChat },
  '/matrix/api/v1/chat/stop_run_agent': { method: 'POST', family: 'matrix', endpoint: null, handle: handleStopRunAgent },
  '/matrix/api/v1/commerce/get_membership_info': { method: 'POST', family: 'matrix', endpoint: 'membership', handle: handleMembership },
};
