// Runs the @nestjs/swagger compiler plugin under ts-jest, so tests see the same OpenAPI
// schemas as the webpack build of the API.
const plugin = require('@nestjs/swagger/plugin');

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (cs) =>
  plugin.before(
    { classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts', '.entity.ts'] },
    cs.program,
  );
