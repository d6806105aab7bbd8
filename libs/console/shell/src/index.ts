export * from './lib/shell.routes';
export * from './lib/layout/shell-layout.component';
export * from './lib/layout/navigation';
