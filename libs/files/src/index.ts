export * from './hashing-storage';
export * from './file-store';
export * from './upload.interceptor';
export * from './pdf-inspector';
export * from './image-inspector';
export * from './inspection-slots';
