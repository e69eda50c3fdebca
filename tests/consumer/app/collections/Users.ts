import type { CollectionConfig } from 'payload'

/** The app's own users, from before the plugin: email login and a name. */
export const Users: CollectionConfig = {
  slug: 'users',
  auth: true,
  admin: { useAsTitle: 'email' },
  fields: [{ name: 'name', type: 'text' }],
}
