import type { ResourceDoc } from '../db/models/Resource.js';
import { resourceAbilities, resourceFactsOf, type Viewer } from '../policies/index.js';
import type { Discipline } from '../../shared/dto/member.js';
import type { ResourceDetailDto, ResourceDto, ResourceTaskForceDto, ResourceType, ResourceVersionDto, ResourceVisibility } from '../../shared/dto/resource.js';
import { presentAuthor, type AuthorsById } from './author.js';

export interface ResourceContext {
  authors: AuthorsById;
  taskForces: ReadonlyMap<string, ResourceTaskForceDto>;
}

type Version = ResourceDoc['versions'][number];

const presentVersion = (v: Version, authors: AuthorsById): ResourceVersionDto => ({
  number: v.number,
  fileName: v.fileName,
  contentType: v.contentType,
  size: v.size,
  uploadedAt: v.uploadedAt.toISOString(),
  uploadedBy: presentAuthor(authors, v.uploadedBy),
  previewable: v.isImage,
});

export function presentResource(r: ResourceDoc, viewer: Viewer, context: ResourceContext): ResourceDto {
  const latest = r.versions.at(-1);
  return {
    id: r.id as string,
    title: r.title,
    description: r.description ?? '',
    tags: [...r.tags],
    type: r.type as ResourceType,
    visibility: r.visibility as ResourceVisibility,
    taskForce: context.taskForces.get(r.taskForce.toString()) ?? null,
    discipline: r.discipline as Discipline,
    uploader: presentAuthor(context.authors, r.uploader),
    url: r.url ?? null,
    latestVersion: latest ? presentVersion(latest, context.authors) : null,
    downloadCount: r.downloadCount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    abilities: resourceAbilities(viewer, resourceFactsOf(r)),
  };
}

export function presentResourceDetail(r: ResourceDoc, viewer: Viewer, context: ResourceContext): ResourceDetailDto {
  return { ...presentResource(r, viewer, context), versions: r.versions.map((v) => presentVersion(v, context.authors)).reverse() };
}
