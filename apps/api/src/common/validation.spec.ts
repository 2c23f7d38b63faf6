import type { ArgumentMetadata } from '@nestjs/common';
import { IsInt, IsString, Max, MinLength } from 'class-validator';
import { DomainError } from './domain-error';
import { createValidationPipe } from './validation';

class ExampleDto {
  @IsString()
  @MinLength(2)
  title!: string;

  @IsInt()
  @Max(3)
  photos!: number;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: ExampleDto };

describe('the global validation pipe', () => {
  const pipe = createValidationPipe();

  it('passes a valid body through as an instance of the DTO', async () => {
    const value = (await pipe.transform({ title: '加装电梯', photos: 1 }, metadata)) as ExampleDto;
    expect(value).toBeInstanceOf(ExampleDto);
    expect(value.title).toBe('加装电梯');
  });

  it('lists every invalid field, and refuses fields nobody declared', async () => {
    const error = (await pipe.transform({ title: 'x', photos: 9, isAdmin: true }, metadata).catch((e: unknown) => e)) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('VALIDATION_FAILED');
    const fields = (error.details as { fields: { field: string; reasons: string[] }[] }).fields;
    expect(fields.map((f) => f.field).sort()).toEqual(['isAdmin', 'photos', 'title']);
    expect(fields.find((f) => f.field === 'isAdmin')!.reasons).toEqual(['whitelistValidation']);
  });
});
