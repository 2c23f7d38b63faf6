import type { PipeTransform } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import type { PersonType } from './invitation-types';

const PERSON_TYPES: readonly string[] = ['member', 'owner', 'tenant'];

/** A roll's kind of person in a path: member, owner or tenant. */
@Injectable()
export class ParsePersonTypePipe implements PipeTransform<string, PersonType> {
  transform(value: string): PersonType {
    if (!PERSON_TYPES.includes(value)) {
      throw new DomainError('VALIDATION_FAILED', 'personType must be member, owner or tenant.', {
        fields: [{ field: 'personType', reasons: ['isIn'], message: 'personType must be member, owner or tenant' }],
      });
    }
    return value as PersonType;
  }
}
