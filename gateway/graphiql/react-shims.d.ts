/*
 * Just enough React typings for app.tsx to type-check: the project does not
 * depend on @types/react, and the page uses a handful of React APIs.
 */
declare module 'react-dom/client' {
  export function createRoot(container: Element): { render(children: unknown): void; unmount(): void };
}

declare module 'react/jsx-runtime' {
  export namespace JSX {
    type Element = unknown;
    interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
    interface ElementChildrenAttribute {
      children: unknown;
    }
  }
  export const jsx: unknown;
  export const jsxs: unknown;
  export const Fragment: unknown;
}

declare module 'react' {
  export function useState<T>(initial: T | (() => T)): [T, (value: T) => void];
  export function useMemo<T>(make: () => T, deps: readonly unknown[]): T;
}
