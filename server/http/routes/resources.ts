import { Router, type Request } from 'express';
import { addResourceVersion } from '../../domain/resources/addResourceVersion.js';
import { createResource } from '../../domain/resources/createResource.js';
import { deleteResource } from '../../domain/resources/deleteResource.js';
import { downloadResource } from '../../domain/resources/downloadResource.js';
import { listResources } from '../../domain/resources/listResources.js';
import { loadResourceContext } from '../../domain/resources/loadResourceContext.js';
import { findReadableResource } from '../../domain/resources/readable.js';
import { storageUsedBy } from '../../domain/files/storageQuota.js';
import type { ResourceDoc } from '../../db/models/Resource.js';
import { validationFailed } from '../../errors.js';
import { viewerOf, type Viewer } from '../../policies/index.js';
import { presentResource, presentResourceDetail } from '../../presenters/resource.js';
import type { FileServices } from '../../storage/index.js';
import type { ResourceDetailDto, ResourcePage, StorageUsageDto } from '../../../shared/dto/resource.js';
import { addVersionFields, createResourceFields, downloadQuery, listResourcesQuery, resourceIdParams } from '../../../shared/schemas/resources.js';
import { singleFileUpload } from '../middleware/upload.js';
import { input, validate } from '../middleware/validate.js';
import { actorOf } from './actorOf.js';
import { continuesDownload, sendStoredFile } from './fileResponses.js';

const listSchemas = { query: listResourcesQuery };
const createSchemas = { body: createResourceFields };
const byId = { params: resourceIdParams };
const versionSchemas = { params: resourceIdParams, body: addVersionFields };
const downloadSchemas = { params: resourceIdParams, query: downloadQuery };

const uploadedFileOf = (req: Request) => (req.file ? { path: req.file.path, originalName: req.file.originalname } : null);

async function detail(resource: ResourceDoc, viewer: Viewer): Promise<{ resource: ResourceDetailDto }> {
  return { resource: presentResourceDetail(resource, viewer, await loadResourceContext([resource])) };
}

/** The resource library (../shared/API.md "resources"). Multipart parsing is attached to the two upload routes only. */
export function resourceRoutes(files: FileServices): Router {
  const router = Router();
  const upload = singleFileUpload(files);

  router.get('/resources', validate(listSchemas), async (req, res) => {
    const viewer = viewerOf(req.member!);
    const { resources, nextCursor } = await listResources({ viewer, query: input(req, listSchemas).query });
    const context = await loadResourceContext(resources);
    const body: ResourcePage = { items: resources.map((r) => presentResource(r, viewer, context)), nextCursor };
    res.json(body);
  });
  router.post('/resources', upload, validate(createSchemas), async (req, res) => {
    const resource = await createResource({ actor: actorOf(req), input: input(req, createSchemas).body, upload: uploadedFileOf(req), files });
    res.status(201).json(await detail(resource, viewerOf(req.member!)));
  });
  router.get('/resources/:id', validate(byId), async (req, res) => {
    const viewer = viewerOf(req.member!);
    res.json(await detail(await findReadableResource(viewer, input(req, byId).params.id), viewer));
  });
  router.post('/resources/:id/versions', upload, validate(versionSchemas), async (req, res) => {
    const file = uploadedFileOf(req);
    if (!file) throw validationFailed([{ path: 'file', message: 'is required' }]);
    const resource = await addResourceVersion({ actor: actorOf(req), resourceId: input(req, versionSchemas).params.id, upload: file, files });
    res.status(201).json(await detail(resource, viewerOf(req.member!)));
  });
  router.get('/resources/:id/download', validate(downloadSchemas), async (req, res) => {
    const { params, query } = input(req, downloadSchemas);
    const { version } = await downloadResource({ actor: actorOf(req), resourceId: params.id, versionNumber: query.version, continuing: continuesDownload(req) });
    await sendStoredFile(req, res, files.storage, version, 'attachment');
  });
  router.get('/resources/:id/preview', validate(downloadSchemas), async (req, res) => {
    const { params, query } = input(req, downloadSchemas);
    const { version } = await downloadResource({ actor: actorOf(req), resourceId: params.id, versionNumber: query.version, continuing: true, preview: true });
    await sendStoredFile(req, res, files.storage, version, 'inline');
  });
  router.delete('/resources/:id', validate(byId), async (req, res) => {
    const resource = await deleteResource({ actor: actorOf(req), resourceId: input(req, byId).params.id, files });
    res.json(await detail(resource, viewerOf(req.member!)));
  });
  router.get('/me/storage', async (req, res) => {
    const body: StorageUsageDto = { usedBytes: await storageUsedBy(req.member!._id), quotaBytes: files.quotaBytes, maxUploadBytes: files.maxUploadBytes };
    res.json(body);
  });
  return router;
}
