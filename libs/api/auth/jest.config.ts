export default {
  displayName: 'api-auth',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/auth',
};
