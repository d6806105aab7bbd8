export default {
  displayName: 'api-users',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/users',
};
