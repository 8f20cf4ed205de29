enum ProductSyncPlaceholder {}
