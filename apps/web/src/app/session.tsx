import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, setCsrfToken, unwrap, type Session } from '../api/client';

export type User = Session['user'];

interface SessionState {
  readonly user: User | null;
  readonly loading: boolean;
  readonly signIn: (email: string, password: string) => Promise<User>;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

/** Loads the current session (if the cookie holds one) and offers sign-in and sign-out. */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    void api.GET('/api/v1/auth/me').then(({ data }) => {
      if (!live) return;
      setCsrfToken(data?.csrfToken ?? null);
      setUser(data?.user ?? null);
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const session = unwrap(await api.POST('/api/v1/auth/sign-in', { body: { email, password } }));
    setCsrfToken(session.csrfToken);
    setUser(session.user);
    return session.user;
  }, []);

  const signOut = useCallback(async () => {
    await api.POST('/api/v1/auth/sign-out');
    setCsrfToken(null);
    setUser(null);
  }, []);

  const value = useMemo(() => ({ user, loading, signIn, signOut }), [user, loading, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/**
 * Where a user lands after sign-in: reviewers on the queue, dispatchers on the service board, technicians on their
 * jobs, everyone else on the claims inbox.
 */
export function homeFor(user: User): string {
  if (user.roles.includes('reviewer')) return '/review';
  if (user.roles.includes('dispatcher')) return '/service/board';
  if (user.roles.includes('technician') && !user.roles.includes('admin')) return '/tech';
  return '/claims';
}

/** Service-network areas of the console a user may open (admins all; see the roles' permissions). */
export function canService(user: User | null, what: 'board' | 'tech' | 'network'): boolean {
  const roles: readonly string[] = user?.roles ?? [];
  // The technician's own jobs: only for technician users (an admin sees every order on the board).
  if (what === 'tech') return roles.includes('technician');
  if (roles.includes('admin')) return true;
  if (what === 'board') return roles.includes('dispatcher') || roles.includes('agent');
  return roles.includes('dispatcher') || roles.includes('agent');
}

/** Whether the user works on claims at all (dispatchers and technicians work only on the service network). */
export function worksOnClaims(user: User | null): boolean {
  const roles: readonly string[] = user?.roles ?? [];
  return roles.some((r) => r === 'admin' || r === 'agent' || r === 'reviewer');
}

/** Whether the user may review (decide) or respond for the merchant; admins may do both. */
export function can(user: User | null, what: 'decide' | 'respond' | 'admin' | 'check'): boolean {
  const roles: readonly string[] = user?.roles ?? [];
  if (roles.includes('admin')) return true;
  // Checking a photo needs claim.read: agents and reviewers.
  if (what === 'check') return roles.includes('agent') || roles.includes('reviewer');
  return what === 'decide' ? roles.includes('reviewer') : what === 'respond' ? roles.includes('agent') : false;
}
