/** Provides the desktop notifier to components (absent in tests that do not need one). */
import { createContext, useContext, type ReactNode } from 'react';
import type { DesktopNotifier } from './desktop-notifier';

const NotifierContext = createContext<DesktopNotifier | null>(null);

export function NotifierProvider({ notifier, children }: { notifier: DesktopNotifier; children: ReactNode }) {
  return <NotifierContext.Provider value={notifier}>{children}</NotifierContext.Provider>;
}

/** The injected notifier, or null when none was provided. */
export function useNotifier(): DesktopNotifier | null {
  return useContext(NotifierContext);
}
