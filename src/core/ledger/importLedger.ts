/**
 * Reading a ledger file: bytes -> encoding -> records -> cells (papaparse) -> grants by column, in
 * bounded memory: one block of text and the grants' columns are all that is held, whatever the
 * file's size. The reading itself is the tables' (src/core/tables/csvImport.ts); this file binds it
 * to the ledger's schema and result.
 */
import { ByteOpener, ByteReadOptions, CsvReadOptions, CsvRowImport, importRowsBytes, parseCsvRows, RowSinkFactory } from "../tables/csvImport";
import { LedgerReader, LedgerReadOptions, LedgerResult } from "./parseLedger";

export interface CsvImportOptions extends CsvReadOptions, LedgerReadOptions {}

/** The ledger's reader for a CSV file's header (records' field counts checked against it). */
function ledgerCsvReader(options: LedgerReadOptions): RowSinkFactory<LedgerResult> {
  return (header, headerLine) => new LedgerReader(header, options, headerLine, header.length > 0);
}

/** CSV text, pushed in pieces, read into a ledger. */
export class CsvLedgerImport extends CsvRowImport<LedgerResult> {
  constructor(options: CsvImportOptions = {}, encoding = "text") {
    super(ledgerCsvReader(options), options, encoding);
  }
}

/**
 * Imports CSV text (delimiter detected; quotes; any line breaks; a UTF-8 BOM is dropped).
 * @example parseCsvLedger("Grant Number,Grant Date,Exercise Price,Outstanding\nA1,2003-06-23,$2.50,\"1,000\"").accepted === 1
 */
export function parseCsvLedger(text: string, options: CsvImportOptions = {}): LedgerResult {
  return parseCsvRows(text, ledgerCsvReader(options), options);
}

export interface ByteImportOptions extends ByteReadOptions, LedgerReadOptions {}

/**
 * Imports a CSV file from its bytes, delivered in chunks by `open()` (called again to re-read the
 * file from the start when it is not UTF-8 after all). The encoding is detected (see encoding.ts)
 * and reported in `source.encoding`.
 */
export function importLedgerBytes(open: ByteOpener, options: ByteImportOptions = {}): Promise<LedgerResult> {
  return importRowsBytes(open, ledgerCsvReader(options), options);
}
