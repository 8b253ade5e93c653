/** A column schema in a page's data.ts, rendered by an el-table-column. */
export interface TColumn<Row> {
  prop: keyof Row & string;
  label: string;
  minWidth?: number;
  width?: number;
  /** Plain text; columns without it are rendered by the page's slot of the same `prop`. */
  formatter?: (row: Row) => string;
}

/** The text of a cell: its formatter's, else the raw value. */
export function cellText<Row>(column: TColumn<Row>, row: Row): string {
  if (column.formatter) return column.formatter(row);
  const value = row[column.prop];
  return value === null || value === undefined ? '—' : String(value);
}

/**
 * el-table hands its slots `row` typed as Record<PropertyKey, any>, so slots read the row back from our own
 * typed array by `$index` instead: `<template v-for="row in rowAt(rows, $index)" :key="$index">`.
 * Element Plus also calls each column's slot once with `$index: -1` to find nested columns: no row then.
 */
export function rowAt<Row>(rows: readonly Row[], index: number): Row[] {
  const row = index >= 0 ? rows[index] : undefined;
  return row === undefined ? [] : [row];
}
