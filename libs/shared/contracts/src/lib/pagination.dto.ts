import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Query parameters shared by every list endpoint. */
export class PageQueryDto {
  /** Page number, starting at 1. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number = 1;

  /** Items per page (1–100). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number = DEFAULT_PAGE_SIZE;

  /** Sort field; prefix with `-` for descending, e.g. `-createdAt`. Each list documents its fields. */
  @IsOptional()
  @IsString()
  @Matches(/^-?[a-zA-Z][a-zA-Z0-9]*$/, { message: 'sort must be a field name, optionally prefixed with -' })
  @MaxLength(64)
  sort?: string;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
