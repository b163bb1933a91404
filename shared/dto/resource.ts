import type { AuthorDto } from './discussion.js';
import type { Discipline } from './member.js';

export const resourceTypes = ['document', 'template', 'protocol', 'checklist', 'training', 'case_support', 'link'] as const;
export type ResourceType = (typeof resourceTypes)[number];

/** `community`: every member; `task_force`: the uploader's task force (plus moderators and admins). */
export const resourceVisibilities = ['community', 'task_force'] as const;
export type ResourceVisibility = (typeof resourceVisibilities)[number];

export const resourceSorts = ['new', 'popular'] as const;
export type ResourceSort = (typeof resourceSorts)[number];

export interface ResourceAbilities {
  canDownload: boolean;
  canAddVersion: boolean;
  canDelete: boolean;
}

export interface ResourceVersionDto {
  number: number;
  fileName: string;
  /** The verified type the download is served with. */
  contentType: string;
  size: number;
  uploadedAt: string;
  uploadedBy: AuthorDto | null;
  /** Images only: whether `GET /api/resources/:id/preview` can show it inline. */
  previewable: boolean;
}

export interface ResourceTaskForceDto {
  id: string;
  code: string;
  name: string;
}

export interface ResourceDto {
  id: string;
  title: string;
  description: string;
  tags: string[];
  type: ResourceType;
  visibility: ResourceVisibility;
  taskForce: ResourceTaskForceDto | null;
  /** The uploader's discipline when they shared it, for the discipline filter. */
  discipline: Discipline;
  uploader: AuthorDto | null;
  /** An external https link instead of a file. */
  url: string | null;
  latestVersion: ResourceVersionDto | null;
  downloadCount: number;
  createdAt: string;
  updatedAt: string;
  abilities: ResourceAbilities;
}

export interface ResourceDetailDto extends ResourceDto {
  /** Every version, newest first. */
  versions: ResourceVersionDto[];
}

export interface ResourcePage {
  items: ResourceDto[];
  nextCursor: string | null;
}

export interface StorageUsageDto {
  usedBytes: number;
  quotaBytes: number;
  /** The largest single file the server accepts (MAX_UPLOAD_MB). */
  maxUploadBytes: number;
}
