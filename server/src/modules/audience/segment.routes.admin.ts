import { PassThrough } from 'node:stream';
import { z } from 'zod';
import {
  ZSegment, ZSegmentExplainRequest, ZSegmentExplanation, ZSegmentInput, ZSegmentList, ZSegmentListQuery, ZSegmentPreview,
  ZSegmentPreviewRequest, ZSegmentSnapshot, ZSegmentSnapshotList, ZSnapshotMembersPage, ZSnapshotMembersQuery,
} from '@koi/contracts';
import type { App } from '../../platform/http.ts';
import type { Db } from '../../platform/db.ts';
import { requireStaff, staffOf } from '../../platform/auth.ts';
import { clock } from '../../platform/clock.ts';
import { attachment, XLSX_TYPE } from '../../platform/xlsx.ts';
import { explainSegment, previewSegment, type CustomerNames } from './segment-preview.ts';
import { exportSnapshot } from './segment-export.ts';
import type { Segments } from './segments.ts';

const admin = { tags: ['admin'], security: [{ bearer: [] }] };
const ZId = z.object({ id: z.uuid() });

/** 人群 (issue 7 §5): live preview, "why", saved segments, snapshots, Excel export. */
export function registerSegmentRoutes(app: App, deps: { db: Db; segments: Segments; names: () => CustomerNames | null }) {
  const { db, segments } = deps;
  const view = requireStaff('customer:view');
  const manage = requireStaff('customer:manage');

  app.post('/api/admin/segments/preview', { preValidation: view, schema: { ...admin, summary: 'Count and a sample of 20 for an unsaved rule (the editor calls it as the operator edits)', body: ZSegmentPreviewRequest, response: { 200: ZSegmentPreview } } },
    async (req) => previewSegment(db, req.body.rule, clock.now(), deps.names()));

  app.post('/api/admin/segments/explain', { preValidation: view, schema: { ...admin, summary: 'Why a customer is (or is not) in a rule: each condition with its actual value', body: ZSegmentExplainRequest, response: { 200: ZSegmentExplanation } } },
    async (req) => explainSegment(db, req.body.rule, req.body.customerId, clock.now(), deps.names()));

  app.get('/api/admin/segments', { preValidation: view, schema: { ...admin, summary: 'Saved segments', querystring: ZSegmentListQuery, response: { 200: ZSegmentList } } },
    async (req) => segments.list(req.query));

  app.post('/api/admin/segments', { preValidation: manage, schema: { ...admin, summary: 'Save a segment', body: ZSegmentInput, response: { 200: ZSegment } } },
    async (req) => segments.create(req.body, staffOf(req).id));

  app.get('/api/admin/segments/:id', { preValidation: view, schema: { ...admin, summary: 'A saved segment', params: ZId, response: { 200: ZSegment } } },
    async (req) => segments.one(req.params.id));

  app.put('/api/admin/segments/:id', { preValidation: manage, schema: { ...admin, summary: 'Change a saved segment', params: ZId, body: ZSegmentInput, response: { 200: ZSegment } } },
    async (req) => segments.update(req.params.id, req.body));

  app.delete('/api/admin/segments/:id', { preValidation: manage, schema: { ...admin, summary: 'Delete a saved segment (its snapshots stay)', params: ZId } },
    async (req, reply) => {
      await segments.remove(req.params.id);
      return reply.status(204).send();
    });

  app.post('/api/admin/segments/:id/recount', { preValidation: view, schema: { ...admin, summary: 'Count a saved segment now', params: ZId, response: { 200: ZSegment } } },
    async (req) => segments.recount(req.params.id));

  app.post('/api/admin/segments/:id/snapshots', { preValidation: manage, schema: { ...admin, summary: 'Freeze the members now (for a campaign)', params: ZId, response: { 200: ZSegmentSnapshot } } },
    async (req) => segments.snapshotOne(await segments.snapshot(req.params.id, staffOf(req).id)));

  app.get('/api/admin/segments/:id/snapshots', { preValidation: view, schema: { ...admin, summary: 'Snapshots of a segment, newest first', params: ZId, response: { 200: ZSegmentSnapshotList } } },
    async (req) => ({ items: await segments.snapshots(req.params.id) }));

  app.get('/api/admin/segment-snapshots/:id/members', { preValidation: view, schema: { ...admin, summary: 'A snapshot\'s members by keyset', params: ZId, querystring: ZSnapshotMembersQuery, response: { 200: ZSnapshotMembersPage } } },
    async (req) => {
      await segments.snapshotOne(req.params.id);
      return segments.snapshotMembers(req.params.id, req.query.after ?? null, req.query.limit);
    });

  const exportStream = (snapshotId: string, log: { error: (o: object, m: string) => void }) => {
    const out = new PassThrough();
    exportSnapshot(db, segments, snapshotId, deps.names(), out).catch((err: unknown) => {
      log.error({ err }, 'segment export failed');
      out.destroy(err as Error);
    });
    return out;
  };

  // Exporting takes a snapshot first: the file is exactly a recorded list (who exported whom, when).
  app.get('/api/admin/segments/:id/export', { preValidation: manage, schema: { ...admin, summary: 'Members as .xlsx (takes a snapshot, then streams it)', params: ZId } },
    async (req, reply) => {
      const s = await segments.one(req.params.id);
      const snapshotId = await segments.snapshot(s.id, staffOf(req).id);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(`人群-${s.name}.xlsx`)).send(exportStream(snapshotId, req.log));
    });

  app.get('/api/admin/segment-snapshots/:id/export', { preValidation: manage, schema: { ...admin, summary: 'A snapshot\'s members as .xlsx', params: ZId } },
    async (req, reply) => {
      const snap = await segments.snapshotOne(req.params.id);
      const s = await segments.one(snap.segmentId).catch(() => null);
      return reply.type(XLSX_TYPE).header('content-disposition', attachment(`人群快照-${s?.name ?? snap.segmentId}.xlsx`)).send(exportStream(snap.id, req.log));
    });
}
