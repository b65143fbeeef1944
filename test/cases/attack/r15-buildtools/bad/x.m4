esyscmd(`docker restart web')
