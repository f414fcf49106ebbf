import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { SESSION_COOKIE } from '../principal.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { isoTime, okSchema } from '../schemas/common.schemas.js';
import { userSchema } from './users.routes.js';

const sessionSchema = z
  .object({
    user: userSchema,
    csrfToken: z.string().describe('Send as the x-csrf-token header on POST, PUT, PATCH and DELETE'),
    expiresAt: isoTime,
  })
  .meta({ id: 'Session' });

function isSecure(request: FastifyRequest, deps: AppDeps): boolean {
  return deps.options?.secureCookies === true || request.protocol === 'https';
}

function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  deps: AppDeps,
  token: string,
  expiresAt: string,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request, deps),
    path: '/',
    expires: new Date(expiresAt),
  });
}

/** Console sign-in, sign-out and the current session. */
export function authRoutes(deps: AppDeps): ApiRoute[] {
  const { auth } = deps.services;
  return [
    defineRoute({
      method: 'POST',
      url: '/auth/sign-in',
      access: 'public',
      summary: 'Sign in with email and password',
      description:
        'Sets an HttpOnly session cookie and answers the CSRF token to send with unsafe requests. Rate-limited per IP.',
      tags: ['auth'],
      rateLimit: { max: deps.options?.signInPerMinute ?? 10, timeWindowMs: 60_000 },
      schema: {
        body: z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) }),
        response: { 200: sessionSchema },
      },
      handler: async ({ body, request, reply }) => {
        const session = await auth.signIn(body.email, body.password);
        setSessionCookie(reply, request, deps, session.token, session.expiresAt);
        return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/auth/sign-out',
      access: 'session',
      summary: 'End the current session',
      tags: ['auth'],
      schema: { response: { 200: okSchema } },
      handler: async ({ principal, request, reply }) => {
        if (principal?.via === 'session') await auth.signOut(principal.token);
        reply.clearCookie(SESSION_COOKIE, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: isSecure(request, deps),
        });
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/auth/me',
      access: 'session',
      summary: 'The signed-in user and the session CSRF token',
      tags: ['auth'],
      schema: { response: { 200: sessionSchema } },
      handler: ({ principal }) => {
        if (principal?.via !== 'session') throw new Error('session route reached without a session');
        const { user, csrfToken, expiresAt } = principal.session;
        return Promise.resolve({ user, csrfToken, expiresAt });
      },
    }),
  ];
}
