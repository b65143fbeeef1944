export default {
  '*.ts': ['prettier --write'],
  '*.css': "docker restart web",
};
