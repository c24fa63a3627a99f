import type { TestProject } from 'vitest/node';
import { createTemplate } from './helpers/database-template';

declare module 'vitest' {
	export interface ProvidedContext {
		databaseTemplate: import('./helpers/database-template').Template;
	}
}

export default async function setup(project: TestProject) {
	const { template, drop } = await createTemplate();
	project.provide('databaseTemplate', template);
	return drop;
}
