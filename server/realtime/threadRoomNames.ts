import { threadModeratorsRoom, threadRoom } from '../../shared/realtime.js';

interface SpaceOfThread {
  visibility: string;
  taskForce?: { toString(): string } | null;
}

/** The rooms of a thread in the space it is in now (see `threadRoom` in shared/realtime.ts). */
export function roomsOfThread(threadId: string, space: SpaceOfThread): { room: string; moderators: string } {
  const privateTo = space.visibility === 'private' && space.taskForce ? space.taskForce.toString() : null;
  return { room: threadRoom(threadId, privateTo), moderators: threadModeratorsRoom(threadId, privateTo) };
}
