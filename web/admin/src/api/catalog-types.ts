import type {
  ZAdminProductQuery,
  ZBatchResult,
  ZBatchStatusRequest,
  ZCategoryTree,
  ZCollectionList,
  ZCreatePageInput,
  ZDecoratedPageList,
  ZHotWordsInput,
  ZImportStarted,
  ZRollbackRequest,
  ZSynonymGroupsInput,
  ZCollectionRule,
} from '@koi/contracts';
import type { z } from 'zod';

/** Wire types the contracts define as schemas only; inferred here so every endpoint stays typed by them. */
export type TCategoryTree = z.infer<typeof ZCategoryTree>;
/** Every filter optional; page and size default on the server. */
export type TAdminProductQuery = Partial<z.infer<typeof ZAdminProductQuery>>;
export type TBatchStatusRequest = z.infer<typeof ZBatchStatusRequest>;
export type TBatchResult = z.infer<typeof ZBatchResult>;
export type TCollectionList = z.infer<typeof ZCollectionList>;
export type TCollectionRule = z.infer<typeof ZCollectionRule>;
export type TImportStarted = z.infer<typeof ZImportStarted>;
export type TSynonymGroupsInput = z.infer<typeof ZSynonymGroupsInput>;
export type THotWordsInput = z.infer<typeof ZHotWordsInput>;
export type TDecoratedPageList = z.infer<typeof ZDecoratedPageList>;
export type TDecoratedPageSummary = TDecoratedPageList['items'][number];
export type TCreatePageInput = z.infer<typeof ZCreatePageInput>;
export type TRollbackRequest = z.infer<typeof ZRollbackRequest>;
