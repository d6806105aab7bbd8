export default {
  displayName: 'api-billing',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/api/billing',
};
