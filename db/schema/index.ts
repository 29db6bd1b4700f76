export * from './structure';
export * from './users';
export * from './settings';
export * from './audit';
export * from './personnes';
export * from './accueil';
export * from './eligibilite';
export * from './pass-iae';
