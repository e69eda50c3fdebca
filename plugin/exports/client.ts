'use client'
/** Admin client components, registered in the import map as `xxgk/client#<Name>`. */
export * from '../client.tsx'
