import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import "./VirtualList.css";
import { visibleRange } from "./visible-range";

interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row is this tall (px): what lets the list skip rendering all but the visible ones. */
  rowHeight: number;
  keyOf(item: T): string;
  renderRow(item: T, index: number): ComponentChildren;
  /** Called when the visible rows come within `nearEndRows` of the end: time to fetch the next page. */
  onNearEnd?: () => void;
  nearEndRows?: number;
  overscan?: number;
  label: string;
  /** Shown after the rows (loading more, the end). */
  footer?: ComponentChildren;
}

/**
 * A list that renders only the rows in view (and a few around), placed in a spacer as tall as all rows
 * together, so 100,000 rows cost what 40 do. The viewport's height comes from CSS.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, overscan = 8, nearEndRows = 50 } = props;
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const frame = useRef<number | null>(null);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    setHeight(element.clientHeight || 600);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const range = visibleRange(scrollTop, height, rowHeight, items.length, overscan);
  const { onNearEnd } = props;
  useEffect(() => {
    if (onNearEnd && range.end >= items.length - nearEndRows) onNearEnd();
  }, [range.end, items.length, nearEndRows, onNearEnd]);

  const rows: ComponentChildren[] = [];
  for (let index = range.start; index < range.end; index++) {
    const item = items[index] as T;
    rows.push(
      <li
        key={props.keyOf(item)}
        class="zfx-vlist__row"
        aria-setsize={items.length}
        aria-posinset={index + 1}
        style={{ transform: `translateY(${index * rowHeight}px)`, height: `${rowHeight}px` }}
      >
        {props.renderRow(item, index)}
      </li>,
    );
  }

  return (
    <div
      ref={viewport}
      class="zfx-vlist"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it.
      tabIndex={0}
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        if (frame.current !== null) cancelAnimationFrame(frame.current);
        frame.current = requestAnimationFrame(() => {
          frame.current = null;
          setScrollTop(top);
        });
      }}
    >
      <ul
        class="zfx-vlist__spacer"
        aria-label={props.label}
        style={{ height: `${items.length * rowHeight}px` }}
      >
        {rows}
      </ul>
      {props.footer && <div class="zfx-vlist__footer">{props.footer}</div>}
    </div>
  );
}
