import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal confirmation (the native <dialog>: focus moves into it and stays there, Escape cancels)
 * that says what the action does and what follows from it before anything is sent.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element !== null && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} aria-labelledby="bekraeft-titel" onCancel={onCancel}>
      <h2 id="bekraeft-titel">{title}</h2>
      {children}
      <div className="pager">
        <button type="button" className="danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel} autoFocus>
          Fortryd
        </button>
      </div>
    </dialog>
  );
}
