import type { CategoryDoc } from '../db/models/Category.js';
import { categoryAbilities, spaceOf, type Viewer } from '../policies/index.js';
import type { CategoryDto, CategoryVisibility } from '../../shared/dto/discussion.js';

export function presentCategory(category: CategoryDoc, viewer: Viewer): CategoryDto {
  return {
    id: category.id as string,
    slug: category.slug,
    name: category.name,
    description: category.description ?? '',
    order: category.order,
    visibility: category.visibility as CategoryVisibility,
    taskForceId: category.taskForce ? category.taskForce.toString() : null,
    abilities: categoryAbilities(viewer, spaceOf(category)),
  };
}
