import type { DynamicModule } from '@nestjs/common';
import { Global, Module } from '@nestjs/common';
import type { Env } from '../config/env';
import { FileStorage, LocalFolderStorage } from './file-storage';
import { StoredFilesService } from './stored-files.service';

@Global()
@Module({})
export class StorageModule {
  static register(env: Env): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: FileStorage, useValue: new LocalFolderStorage(env.STORAGE_DIR) }, StoredFilesService],
      exports: [FileStorage, StoredFilesService],
    };
  }
}
