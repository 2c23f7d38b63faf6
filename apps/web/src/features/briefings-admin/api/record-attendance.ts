import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '../../../api/schema';
import { apiClient, unwrap } from '../../../lib/api-client';
import { briefingsKey } from './keys';
import type { Briefing } from './list-briefings';

export type AttendanceInput = components['schemas']['RecordAttendanceDto'];

/** `POST /api/briefings/{id}/attendance`: marks signed-up people present or not, and sets the walk-in count. */
export function recordAttendance(briefingId: string, body: AttendanceInput): Promise<Briefing> {
  return unwrap(apiClient.POST('/api/briefings/{id}/attendance', { params: { path: { id: briefingId } }, body }));
}

export function useRecordAttendance(consultationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ briefingId, body }: { briefingId: string; body: AttendanceInput }) => recordAttendance(briefingId, body),
    // The list (attended, walk-ins) and this session's sign-ups.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefingsKey(consultationId) }),
  });
}
