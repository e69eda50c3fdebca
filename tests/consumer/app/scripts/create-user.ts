// The app's existing user, created before the plugin is added (run with `payload run`).
import config from '../payload.before.config'
import { getPayload } from 'payload'

const payload = await getPayload({ config })
await payload.create({ collection: 'users', data: { email: process.env.OLD_USER_EMAIL!, password: process.env.OLD_USER_PASSWORD!, name: 'Old user' } })
console.log('created the existing user')
process.exit(0)
