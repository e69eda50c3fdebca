/** The form schema package, re-exported for projects that import it through the plugin. */
export * from '@xxgk/schema'
