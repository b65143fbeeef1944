m4_define([X], m4_esyscmd([docker compose up -d]))
