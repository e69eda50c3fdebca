/** Admin server components, registered in the import map as `xxgk/rsc#<Name>`. */
export * from '../admin/rsc.ts'
