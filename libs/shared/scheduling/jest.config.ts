export default {
  displayName: 'shared-scheduling',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  coverageDirectory: '../../../coverage/libs/shared/scheduling',
};
