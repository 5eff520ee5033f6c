/**
 * Types for the part of React 18 this app uses. `@types/react` is not installed in this project
 * (and packages may not be added here), so this file declares exactly the API the app calls, with
 * React's own names and shapes; replace it with `@types/react@18` once that is a dev dependency.
 */
declare module 'react' {
  export type Key = string | number;
  export interface ReactElement {
    type: unknown;
    props: unknown;
    key: string | null;
  }
  export type ReactNode = ReactElement | string | number | boolean | null | undefined | Iterable<ReactNode>;
  export type FunctionComponent<P> = (props: P) => ReactElement | null;
  export type ComponentType<P> = FunctionComponent<P>;

  export interface MutableRefObject<T> {
    current: T;
  }
  export interface RefObject<T> {
    readonly current: T | null;
  }
  export type Ref<T> = RefObject<T> | ((instance: T | null) => void) | null;

  export interface SyntheticEvent<T = Element, E = Event> {
    currentTarget: T;
    target: EventTarget;
    nativeEvent: E;
    preventDefault(): void;
    stopPropagation(): void;
  }
  export type FormEvent<T = Element> = SyntheticEvent<T>;
  export interface ChangeEvent<T = Element> extends SyntheticEvent<T> {
    target: EventTarget & T;
  }
  export type MouseEvent<T = Element> = SyntheticEvent<T, globalThis.MouseEvent>;
  export type KeyboardEvent<T = Element> = SyntheticEvent<T, globalThis.KeyboardEvent> & { key: string };
  export type FocusEvent<T = Element> = SyntheticEvent<T, globalThis.FocusEvent>;

  export type Dispatch<A> = (value: A) => void;
  export type SetStateAction<S> = S | ((previous: S) => S);

  export function useState<S>(initial: S | (() => S)): [S, Dispatch<SetStateAction<S>>];
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useMemo<T>(factory: () => T, deps: readonly unknown[]): T;
  export function useCallback<T extends (...args: never[]) => unknown>(
    callback: T,
    deps: readonly unknown[],
  ): T;
  export function useRef<T>(initial: T): MutableRefObject<T>;
  export function useRef<T>(initial: T | null): RefObject<T>;
  export function useId(): string;
  export function useSyncExternalStore<T>(
    subscribe: (onChange: () => void) => () => void,
    getSnapshot: () => T,
  ): T;
  export function useContext<T>(context: Context<T>): T;
  export function createContext<T>(defaultValue: T): Context<T>;

  export type Provider<T> = FunctionComponent<{ value: T; children?: ReactNode }>;
  export type Consumer<T> = FunctionComponent<{ children: (value: T) => ReactNode }>;
  export interface Context<T> {
    Provider: Provider<T>;
    Consumer: Consumer<T>;
  }

  export function lazy<P>(factory: () => Promise<{ default: ComponentType<P> }>): ComponentType<P>;
  export const Suspense: FunctionComponent<{ fallback?: ReactNode; children?: ReactNode }>;
  export const StrictMode: FunctionComponent<{ children?: ReactNode }>;
  export const Fragment: FunctionComponent<{ children?: ReactNode }>;
}

declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }
  export function createRoot(container: Element): Root;
}

declare module 'react/jsx-runtime' {
  import type {
    ChangeEvent,
    FocusEvent,
    FormEvent,
    Key,
    KeyboardEvent,
    MouseEvent,
    ReactElement,
    ReactNode,
    RefObject,
  } from 'react';

  type Value = string | number | readonly string[] | undefined;

  /** The attributes and events the app sets on DOM elements, as React names them. */
  interface DomProps {
    children?: ReactNode;
    key?: Key | null;
    ref?: RefObject<Element> | null;
    id?: string;
    className?: string;
    role?: string;
    title?: string;
    lang?: string;
    hidden?: boolean;
    tabIndex?: number;
    href?: string;
    download?: boolean | string;
    htmlFor?: string;
    name?: string;
    type?: string;
    value?: Value;
    defaultValue?: Value;
    checked?: boolean;
    defaultChecked?: boolean;
    disabled?: boolean;
    required?: boolean;
    readOnly?: boolean;
    placeholder?: string;
    autoComplete?: string;
    autoFocus?: boolean;
    inputMode?: 'none' | 'text' | 'decimal' | 'numeric' | 'tel' | 'search' | 'email' | 'url';
    maxLength?: number;
    pattern?: string;
    noValidate?: boolean;
    scope?: string;
    colSpan?: number;
    open?: boolean;
    [aria: `aria-${string}`]: string | number | boolean | undefined;
    [data: `data-${string}`]: string | undefined;
    onClick?: (event: MouseEvent<never>) => void;
    onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
    onChange?: (event: ChangeEvent<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>) => void;
    onBlur?: (event: FocusEvent<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>) => void;
    onKeyDown?: (event: KeyboardEvent<never>) => void;
    onClose?: () => void;
    onToggle?: (event: FormEvent<HTMLDetailsElement>) => void;
    onCancel?: (event: FormEvent<HTMLDialogElement>) => void;
  }

  export namespace JSX {
    type Element = ReactElement;
    interface ElementChildrenAttribute {
      children: unknown;
    }
    interface IntrinsicAttributes {
      key?: Key | null;
    }
    interface IntrinsicElements {
      [tag: string]: DomProps;
    }
  }
  export function jsx(type: unknown, props: unknown, key?: Key): ReactElement;
  export function jsxs(type: unknown, props: unknown, key?: Key): ReactElement;
  export const Fragment: unknown;
}
