// ltijs and ltijs-sequelize ship no types; lti/provider.ts declares the parts the tool uses.
declare module 'ltijs';
declare module 'ltijs-sequelize';
