import type { ComponentChildren, JSX } from "preact";

/** A settings field: its label around the input, so a click on the words focuses it. */
export function OptionsField({
  label,
  ...input
}: JSX.InputHTMLAttributes<HTMLInputElement> & { label: string }) {
  return (
    <label class="zfx-options__field">
      <span>{label}</span>
      <input {...input} />
    </label>
  );
}

/** A settings group's buttons, then the line that says what they did (a live region, read out as it changes). */
export function OptionsActions({
  status,
  children,
}: {
  status: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <div class="zfx-options__actions">
      {children}
      <span class="zfx-options__saved" role="status">
        {status}
      </span>
    </div>
  );
}
