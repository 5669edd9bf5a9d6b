import { type Db, type ProfileChanges, identityQueries } from '@chorus/db';
import { problems } from '@chorus/service-kit';
import type { ProfileView, UpdateMeInput, UserView } from './auth.schemas.js';
import { profileFieldErrors, toUserView, writtenUser } from './auth.service.js';

/** A person's public profile by handle; 404 when no one has it. */
export async function publicProfile(db: Db, handle: string): Promise<ProfileView> {
  const profile = await identityQueries.publicProfile(db, handle);
  if (!profile) throw problems.notFound('user');
  return profile;
}

/** Changes the caller's own profile: only the fields sent; a taken handle answers 409. */
export async function updateMe(db: Db, userId: string, input: UpdateMeInput): Promise<UserView> {
  const errors = profileFieldErrors(input);
  if (errors.length) throw problems.validation(errors, 'The request body is not valid.');
  const changes: ProfileChanges = { ...input, ...(input.display_name !== undefined ? { display_name: input.display_name.trim() } : {}) };
  return toUserView(writtenUser(await identityQueries.updateProfile(db, userId, changes)));
}
